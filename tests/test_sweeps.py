"""The grid runner: same cells whatever runs them, a cache that is reused only when it
should be, reproducible seeds, and clear errors."""
import hashlib
import importlib
import json
import logging
import math
import random
import sys
import warnings

import numpy as np
import pytest

from course_lib.sweeps import GridResult, cell_seed_sequence, default_cache_dir, run_grid
from course_lib.sweeps import backends

# --- functions swept by the tests ------------------------------------------------------

CALLS = []  # cells computed in this process (the cache tests run with n_jobs=1)


def area(width, height):
    CALLS.append((width, height))
    return {"area": width * height, "ratio": width / height}


def noisy(p, q, *, seed=None):
    """A stochastic cell: several kinds of output, all drawn from the cell's stream."""
    rng = np.random.default_rng(seed)
    return {
        "mean": float(rng.random(50).mean()) + p * q,
        "count": int(rng.integers(0, 1_000_000)),
        "path": rng.normal(size=3),
    }


def first_draw(a, *, seed=None):
    return float(np.random.default_rng(seed).random())


def square(x):
    return x * x


@pytest.fixture(autouse=True)
def _fresh_calls():
    CALLS.clear()


@pytest.fixture(scope="module")
def cluster_client():
    distributed = pytest.importorskip("distributed")
    # Worker processes (processes=True) so that the cells really travel by pickle; one
    # thread each. Starts in about a second on this machine.
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR)
    client = distributed.Client(cluster, set_as_default=False)
    yield client
    client.close()
    cluster.close()


GRID = {"p": [0.1, 0.2, 0.3], "q": [1, 2, 3, 4]}


def assert_same_results(a, b):
    assert a.cells == b.cells
    for x, y in zip(a.results, b.results):
        assert x.keys() == y.keys()
        assert x["mean"] == y["mean"] and x["count"] == y["count"]
        np.testing.assert_array_equal(x["path"], y["path"])


# --- the same cells wherever they run --------------------------------------------------

def test_n_jobs_1_and_2_and_a_local_cluster_give_identical_cells(cluster_client):
    serial = run_grid(noisy, GRID, seed=11, n_jobs=1)
    assert_same_results(serial, run_grid(noisy, GRID, seed=11, n_jobs=2))
    assert_same_results(serial, run_grid(noisy, GRID, seed=11, client=cluster_client))
    # and the cells really drew different numbers
    assert len({r["count"] for r in serial.results}) == len(serial)


def test_a_cell_draws_from_the_documented_stream():
    # The documented rule, written out independently of the module: SeedSequence with
    # the sweep's entropy and, as spawn key, four little-endian 32-bit words of the
    # SHA-256 of the cell's parameters as sorted, compact JSON.
    result = run_grid(first_draw, {"a": [1, 2.5, "x"]}, seed=7, n_jobs=1)
    for a, value in zip([1, 2.5, "x"], result.results):
        digest = hashlib.sha256(json.dumps({"a": a}, separators=(",", ":")).encode()).digest()
        words = [int.from_bytes(digest[i:i + 4], "little") for i in range(0, 16, 4)]
        expected = np.random.default_rng(np.random.SeedSequence(7, spawn_key=words)).random()
        assert value == expected
    assert result.results[0] == result.rng(0).random()


def test_a_shuffled_explicit_grid_gives_the_same_cells():
    product = run_grid(noisy, GRID, seed=3, n_jobs=1)
    cells = [product.params(i) for i in range(len(product))]
    random.Random(0).shuffle(cells)
    shuffled = run_grid(noisy, cells, seed=3, n_jobs=1)
    by_cell = {tuple(c): r for c, r in zip(product.cells, product.results)}
    assert shuffled.cells != product.cells  # really another order
    for cell, r in zip(shuffled.cells, shuffled.results):
        assert r["count"] == by_cell[cell]["count"]
        np.testing.assert_array_equal(r["path"], by_cell[cell]["path"])


def test_a_cell_does_not_depend_on_its_neighbours():
    small = run_grid(noisy, {"p": [0.2], "q": [3]}, seed=3, n_jobs=1)
    large = run_grid(noisy, GRID, seed=3, n_jobs=1)
    index = large.cells.index((0.2, 3))
    assert small.results[0]["count"] == large.results[index]["count"]


def test_default_n_jobs_keeps_a_quick_grid_in_process_and_spreads_a_slow_one(monkeypatch):
    joblib = pytest.importorskip("joblib")
    run_grid(area, {"width": [1, 2, 3], "height": [1, 2]}, cache=False)
    assert len(CALLS) == 6  # all six cells ran in this process
    if joblib.cpu_count() < 2:
        pytest.skip("one usable core: n_jobs=None always stays in process")
    CALLS.clear()
    monkeypatch.setattr(backends, "SERIAL_SECONDS", 0.0)  # any grid counts as slow
    result = run_grid(area, {"width": [1, 2, 3], "height": [1, 2]}, cache=False)
    assert len(CALLS) == 1  # the first cell here, the others in worker processes
    assert result.array("area").tolist() == [[1, 2], [2, 4], [3, 6]]


# --- seeds ------------------------------------------------------------------------------

def test_int_seeds_repeat_and_differ():
    a = run_grid(noisy, GRID, seed=1, n_jobs=1)
    assert_same_results(a, run_grid(noisy, GRID, seed=1, n_jobs=1))
    b = run_grid(noisy, GRID, seed=2, n_jobs=1)
    assert all(x["count"] != y["count"] for x, y in zip(a.results, b.results))
    assert a.seed == 1


def test_a_generator_seed_is_drawn_from_once():
    a = run_grid(noisy, GRID, seed=np.random.default_rng(5), n_jobs=1)
    b = run_grid(noisy, GRID, seed=np.random.default_rng(5), n_jobs=1)
    assert_same_results(a, b)
    words = np.random.default_rng(5).integers(0, 2**32, size=4, dtype=np.uint64)
    assert a.seed == sum(int(w) << (32 * k) for k, w in enumerate(words))
    rng = np.random.default_rng(5)
    first, second = (run_grid(first_draw, {"a": [1]}, seed=rng, n_jobs=1) for _ in range(2))
    assert first.results != second.results  # the generator advanced


def test_no_seed_draws_fresh_entropy_and_records_it():
    a = run_grid(first_draw, {"a": [1, 2]}, n_jobs=1)
    b = run_grid(first_draw, {"a": [1, 2]}, n_jobs=1)
    assert a.results != b.results
    assert run_grid(first_draw, {"a": [1, 2]}, seed=a.seed, n_jobs=1).results == a.results


def test_deterministic_functions_get_no_seed():
    with pytest.warns(RuntimeWarning, match="seed is ignored"):
        result = run_grid(square, {"x": [1, 2]}, seed=3, n_jobs=1)
    assert result.results == (1, 4) and result.seed is None
    with pytest.raises(ValueError, match="no keyword parameter 'seed'"):
        run_grid(square, {"x": [1]}, stochastic=True, n_jobs=1)
    # stochastic=False: a function with a seed parameter runs with its default
    assert run_grid(noisy, {"p": [0.0], "q": [0]}, stochastic=False, n_jobs=1).seed is None


# --- the cache ---------------------------------------------------------------------------

SMALL = {"width": [1, 2], "height": [1, 2, 4]}


def entries(root):
    return sorted(root.rglob("*.json"))


def test_a_second_run_reads_every_cell_from_the_cache(tmp_path):
    first = run_grid(area, SMALL, cache=tmp_path, n_jobs=1)
    assert len(CALLS) == 6 and first.computed == 6 and len(entries(tmp_path)) == 6
    second = run_grid(area, SMALL, cache=tmp_path, n_jobs=1)
    assert len(CALLS) == 6 and all(second.from_cache)
    assert second.results == first.results


def test_version_or_a_changed_parameter_recomputes(tmp_path):
    run_grid(area, SMALL, cache=tmp_path, n_jobs=1)
    run_grid(area, SMALL, cache=tmp_path, n_jobs=1, version="2")
    assert len(CALLS) == 12  # every cell again under the new version
    CALLS.clear()
    run_grid(area, {"width": [1, 2], "height": [1, 2, 5]}, cache=tmp_path, n_jobs=1)
    assert sorted(CALLS) == [(1, 5), (2, 5)]  # only the cells with the new value
    CALLS.clear()
    run_grid(area, {"width": [1]}, fixed={"height": 3}, cache=tmp_path, n_jobs=1)
    run_grid(area, {"width": [1]}, fixed={"height": 4}, cache=tmp_path, n_jobs=1)
    assert CALLS == [(1, 3), (1, 4)]  # fixed arguments are part of the key


def test_an_extended_grid_reuses_the_old_cells(tmp_path):
    run_grid(area, SMALL, cache=tmp_path, n_jobs=1)
    CALLS.clear()
    wider = run_grid(area, {"width": [1, 2, 3], "height": [1, 2, 4]}, cache=tmp_path, n_jobs=1)
    assert sorted(CALLS) == [(3, 1), (3, 2), (3, 4)]
    assert sum(wider.from_cache) == 6
    # a stochastic sweep too, because a cell's stream does not depend on the grid
    small = run_grid(noisy, {"p": [0.1], "q": [1, 2]}, seed=4, cache=tmp_path, n_jobs=1)
    large = run_grid(noisy, GRID, seed=4, cache=tmp_path, n_jobs=1)
    assert sum(large.from_cache) == 2
    assert large.results[large.cells.index((0.1, 2))]["count"] == small.results[1]["count"]


def test_a_corrupted_entry_is_recomputed(tmp_path):
    run_grid(area, SMALL, cache=tmp_path, n_jobs=1)
    files = entries(tmp_path)
    files[0].write_text('{"format": 1, "key": "trunc')  # a half-written file
    files[1].write_bytes(b"\x00\xff garbage")
    entry = json.loads(files[2].read_text())
    entry["key"] = "0" * 32  # a file that is not the entry for its name
    files[2].write_text(json.dumps(entry))
    CALLS.clear()
    again = run_grid(area, SMALL, cache=tmp_path, n_jobs=1)
    assert len(CALLS) == 3 and again.computed == 3
    assert again.array("area").tolist() == [[1, 2, 4], [2, 4, 8]]
    CALLS.clear()
    run_grid(area, SMALL, cache=tmp_path, n_jobs=1)
    assert CALLS == []  # the three entries were rewritten


def test_a_seeded_stochastic_sweep_is_cached_by_seed(tmp_path):
    a = run_grid(noisy, GRID, seed=8, cache=tmp_path, n_jobs=1)
    b = run_grid(noisy, GRID, seed=8, cache=tmp_path, n_jobs=1)
    assert all(b.from_cache)
    assert_same_results(a, b)
    c = run_grid(noisy, GRID, seed=9, cache=tmp_path, n_jobs=1)
    assert c.computed == len(GRID["p"]) * len(GRID["q"])
    with pytest.warns(RuntimeWarning, match="cache is not used"):
        run_grid(noisy, GRID, cache=tmp_path, n_jobs=1)
    assert len(entries(tmp_path)) == 24


def rich(kind):
    return {"tuple": (1, 2.5), "array": np.arange(4, dtype=np.float32).reshape(2, 2),
            "nan": math.nan, "inf": -math.inf, "numpy": np.int64(3), "nested": {"__tuple__": [kind]},
            "text": kind, "none": None, "flag": np.bool_(True)}


def test_cached_results_come_back_with_their_types(tmp_path):
    fresh = run_grid(rich, {"kind": ["a"]}, cache=tmp_path, n_jobs=1).results[0]
    cached = run_grid(rich, {"kind": ["a"]}, cache=tmp_path, n_jobs=1)
    assert all(cached.from_cache)
    back = cached.results[0]
    assert back["tuple"] == (1, 2.5) and isinstance(back["tuple"], tuple)
    assert back["array"].dtype == np.float32 and back["array"].tolist() == [[0, 1], [2, 3]]
    assert math.isnan(back["nan"]) and back["inf"] == -math.inf
    assert back["numpy"] == 3 and type(back["numpy"]) is int and type(fresh["numpy"]) is int
    assert back["nested"] == {"__tuple__": ["a"]} and back["flag"] is True
    assert back["text"] == "a" and back["none"] is None


def not_json(x):
    return {x}


def test_a_result_without_json_form_is_returned_but_not_cached(tmp_path):
    with pytest.warns(RuntimeWarning, match="cannot be cached as JSON"):
        result = run_grid(not_json, {"x": [1, 2]}, cache=tmp_path, n_jobs=1)
    assert result.results == ({1}, {2}) and entries(tmp_path) == []


def test_editing_the_source_recomputes(tmp_path, monkeypatch):
    module = tmp_path / "sweep_edit_probe.py"
    module.write_text("def f(x):\n    return x\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    probe = importlib.import_module("sweep_edit_probe")
    cache = tmp_path / "cache"
    assert run_grid(probe.f, {"x": [1, 2]}, cache=cache, n_jobs=1).results == (1, 2)
    module.write_text("def f(x):\n    return 10 * x\n")
    importlib.reload(probe)
    again = run_grid(probe.f, {"x": [1, 2]}, cache=cache, n_jobs=1)
    assert again.results == (10, 20) and again.computed == 2
    sys.modules.pop("sweep_edit_probe", None)


def test_functions_without_source_are_told_apart_by_their_bytecode(tmp_path):
    one, two = {}, {}
    exec(compile("def g(x):\n    return x + 1\n", "<no file>", "exec"), one)
    exec(compile("def g(x):\n    return x + 2\n", "<no file>", "exec"), two)
    assert run_grid(one["g"], {"x": [0]}, cache=tmp_path, n_jobs=1).results == (1,)
    assert run_grid(two["g"], {"x": [0]}, cache=tmp_path, n_jobs=1).results == (2,)


def test_cache_true_uses_the_course_cache_directory(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_LIB_CACHE", str(tmp_path))
    assert default_cache_dir() == tmp_path / "sweeps"
    run_grid(area, {"width": [1], "height": [2]}, cache=True, n_jobs=1)
    assert len(entries(tmp_path / "sweeps")) == 1


# --- the result -------------------------------------------------------------------------

def test_to_frame_and_array_shapes():
    result = run_grid(area, {"width": [1, 2, 3], "height": [1, 2]}, n_jobs=1)
    frame = result.to_frame()
    assert list(frame.columns) == ["width", "height", "area", "ratio"]
    assert frame[["width", "height"]].values.tolist() == [[1, 1], [1, 2], [2, 1], [2, 2], [3, 1], [3, 2]]
    assert frame["area"].tolist() == [1, 2, 2, 4, 3, 6]
    assert result.array("ratio").tolist() == [[1.0, 0.5], [2.0, 1.0], [3.0, 1.5]]
    with pytest.raises(ValueError, match="name a key, one of"):
        result.array()
    with pytest.raises(ValueError, match="'volume'"):
        result.array("volume")
    numbers = run_grid(square, {"x": [3, 1, 2]}, n_jobs=1)
    assert numbers.to_frame()["value"].tolist() == [9, 1, 4]
    assert numbers.array().tolist() == [9, 1, 4]  # the grid's order, not sorted
    paths = run_grid(noisy, GRID, seed=1, n_jobs=1)
    assert paths.array("path").shape == (3, 4, 3)
    assert paths.array("path")[1, 2].tolist() == paths.results[1 * 4 + 2]["path"].tolist()
    assert isinstance(paths, GridResult) and "3 x 4 grid of p, q" in repr(paths)


def test_an_explicit_list_keeps_its_order_and_fills_a_sorted_array_when_it_can():
    cells = [{"width": 2, "height": 1}, {"width": 1, "height": 2},
             {"width": 1, "height": 1}, {"width": 2, "height": 2}]
    result = run_grid(area, cells, n_jobs=1)
    assert result.to_frame()["area"].tolist() == [2, 2, 1, 4]
    assert result.array("area").tolist() == [[1, 2], [2, 4]]  # rows width 1, 2
    partial = run_grid(area, cells[:3], n_jobs=1)
    with pytest.raises(ValueError, match="do not fill a grid"):
        partial.array("area")


def fails(x):
    if x == 2:
        raise ZeroDivisionError("boom")
    return x


def test_an_error_in_a_cell_says_which_cell():
    with pytest.raises(ZeroDivisionError) as info:
        run_grid(fails, {"x": [1, 2, 3]}, n_jobs=1)
    if sys.version_info >= (3, 11):  # exception notes are new in 3.11
        assert "{'x': 2}" in "".join(info.value.__notes__)


def test_progress_bar_only_when_asked_or_slow(capsys):
    run_grid(square, {"x": list(range(5))}, n_jobs=1, progress=True)
    assert "square" in capsys.readouterr().err
    run_grid(square, {"x": list(range(5))}, n_jobs=1)  # quick: the 2 s delay never passes
    run_grid(square, {"x": list(range(5))}, n_jobs=1, progress=False)
    assert capsys.readouterr().err == ""


# --- bad input --------------------------------------------------------------------------

@pytest.mark.parametrize("grid, match", [
    ({}, "at least one parameter"),
    ([], "empty list of parameter dicts"),
    ({"width": [], "height": [1]}, r"grid\['width'\] is empty"),
    ({"width": "123", "height": [1]}, r"grid\['width'\] must be a list"),
    ({"width": [[1, 2]], "height": [1]}, r"grid\['width'\]\[0\].*hashable and JSON-able"),
    ({"width": [{1: 2}], "height": [1]}, r"grid\['width'\]\[0\]"),
    ({"width": [1.0, math.nan], "height": [1]}, r"grid\['width'\]\[1\] is NaN"),
    ({"width": [1, 2, 1], "height": [1]}, r"grid\['width'\] lists 1 twice"),
    ({"width": [1], "seed": [1]}, "cannot name a parameter 'seed'"),
    ([{"width": 1, "height": 1}, {"width": 2}], r"grid\[1\] has parameters"),
    ([{"width": 1, "height": 1}, {"height": 1, "width": 1}], r"grid\[0\] and grid\[1\] are the same cell"),
    ({"width": [1], "depth": [1]}, "area\\(\\) has no keyword parameter 'depth'"),
    ({"width": [1]}, "area\\(\\) needs 'height'"),
])
def test_bad_grids_are_refused_naming_the_parameter(grid, match):
    with pytest.raises(ValueError, match=match):
        run_grid(area, grid, n_jobs=1)
    assert CALLS == []


def test_bad_options_are_refused():
    with pytest.raises(ValueError, match="n_jobs must be 1 or more"):
        run_grid(square, {"x": [1]}, n_jobs=0)
    with pytest.raises(ValueError, match="fallback must be None or 'local'"):
        run_grid(square, {"x": [1]}, fallback="yes")
    with pytest.raises(TypeError, match="cache must be"):
        run_grid(square, {"x": [1]}, cache=3)
    with pytest.raises(TypeError, match="seed must be"):
        run_grid(first_draw, {"a": [1]}, seed=1.5)
    with pytest.raises(ValueError, match="seed must be a non-negative"):
        run_grid(first_draw, {"a": [1]}, seed=-1)
    with pytest.raises(ValueError, match=r"fixed and grid both give \['x'\]"):
        run_grid(square, {"x": [1]}, fixed={"x": 2})
    with pytest.raises(TypeError, match="grid must be a dict"):
        run_grid(square, 5)
    with pytest.raises(TypeError, match="client must be a dask.distributed.Client"):
        run_grid(square, {"x": [1]}, client="tcp://127.0.0.1:1")


def closed_port():
    import socket

    with socket.socket() as sock:  # bind, then close: nothing listens there afterwards
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_unreachable_scheduler_is_an_error_naming_it():
    pytest.importorskip("distributed")
    address = f"tcp://127.0.0.1:{closed_port()}"
    with pytest.raises(ConnectionError, match=f"Dask scheduler at '{address}'.*fallback='local'"):
        run_grid(square, {"x": [1, 2]}, scheduler=address, connect_timeout=0.3, n_jobs=1)


def test_fallback_local_warns_and_runs_here():
    pytest.importorskip("distributed")
    address = f"tcp://127.0.0.1:{closed_port()}"
    with pytest.warns(RuntimeWarning, match=f"'{address}'.*running on local cores"):
        result = run_grid(square, {"x": [1, 2]}, scheduler=address, connect_timeout=0.3,
                          fallback="local", n_jobs=1)
    assert result.results == (1, 4)


def test_without_dask_a_cluster_asks_for_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    with pytest.raises(ImportError, match=r"course-lib\[cluster\]"):
        run_grid(square, {"x": [1]}, scheduler="tcp://127.0.0.1:8786")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert run_grid(square, {"x": [1]}, n_jobs=1).results == (1,)  # local runs need no dask


def test_cell_seed_sequence_ignores_key_order():
    a = cell_seed_sequence(3, {"p": 1, "q": 2}).generate_state(4)
    b = cell_seed_sequence(3, {"q": 2, "p": 1}).generate_state(4)
    c = cell_seed_sequence(3, {"q": 2, "p": 1.0}).generate_state(4)
    assert a.tolist() == b.tolist() and a.tolist() != c.tolist()


def reach(G, source, *, seed=None):
    return len(G.adj[source])


def test_fixed_objects_pass_without_a_cache_and_are_refused_with_one(tmp_path):
    import networkx as nx

    G = nx.star_graph(4)
    result = run_grid(reach, {"source": [0, 1]}, fixed={"G": G}, seed=1, n_jobs=1)
    assert result.results == (4, 1)
    with pytest.raises(ValueError, match=r"fixed\['G'\].*build such an object inside func"):
        run_grid(reach, {"source": [0]}, fixed={"G": G}, seed=1, cache=tmp_path)


def scaled(x, factor):
    CALLS.append((x, factor))
    return x * factor


def test_partial_arguments_are_part_of_the_key(tmp_path):
    import functools

    for factor in (2, 3, 2):
        result = run_grid(functools.partial(scaled, factor=factor), {"x": [1]}, cache=tmp_path, n_jobs=1)
        assert result.results == (factor,)
    assert CALLS == [(1, 2), (1, 3)]  # the third run read factor=2 from the cache


def test_an_interrupted_cluster_sweep_leaves_no_dask_backend_behind(cluster_client, tmp_path, monkeypatch):
    # An error in this process while cells arrive (Ctrl-C, a full disk) must not leave
    # joblib's "dask" backend active for the user's next joblib call.
    from joblib.parallel import get_active_backend

    from course_lib.sweeps import cache

    def interrupted(*args, **kwargs):
        raise RuntimeError("interrupted")

    monkeypatch.setattr(cache.SweepCache, "store", interrupted)
    with pytest.raises(RuntimeError, match="interrupted") as info:
        run_grid(square, {"x": [1, 2, 3]}, client=cluster_client, cache=tmp_path)
    # the traceback is kept alive, as Jupyter keeps the last one
    assert info.tb is not None and "Dask" not in type(get_active_backend()[0]).__name__
    with pytest.raises(ZeroDivisionError, match="boom"):  # an error in a cell comes back as itself
        run_grid(fails, {"x": [1, 2, 3]}, client=cluster_client)


def test_the_phase_diagram_sweeps_through_run_grid_and_its_cache(tmp_path, monkeypatch):
    from course_lib.cascades import cascade_phase_diagram, monte_carlo

    args = dict(n=300, runs=20, seed=7, progress=False)
    fresh = cascade_phase_diagram([1.0, 4.0], [0.15, 0.25], cache=tmp_path, **args)
    assert len(list(tmp_path.rglob("*.json"))) >= 4, "one cached result per cell"

    def no_simulation(*a, **k):
        raise AssertionError("a cached cell was simulated again")

    monkeypatch.setattr(monte_carlo, "_sizes", no_simulation)
    again = cascade_phase_diagram([1.0, 4.0], [0.15, 0.25], cache=tmp_path, **args)
    assert np.array_equal(fresh.frequency, again.frequency)
    assert np.array_equal(fresh.mean_global_size, again.mean_global_size, equal_nan=True)
    monkeypatch.undo()
    # a cell's value depends on its parameters and the seed, not on the rest of the grid
    alone = cascade_phase_diagram([4.0], [0.25], **args)
    assert alone.frequency[0, 0] == fresh.frequency[1, 1]


def test_a_fingerprint_sees_captured_networks_frames_and_arrays():
    import networkx as nx
    import pandas as pd

    from course_lib.sweeps.fingerprint import function_fingerprint

    def capture(value):
        def render(x):
            return value, x
        return render

    same = [(nx.path_graph(4), nx.path_graph(4)), (pd.DataFrame({"a": [1, 2]}), pd.DataFrame({"a": [1, 2]})),
            (np.arange(3.0), np.arange(3.0))]
    other = [nx.cycle_graph(4), pd.DataFrame({"a": [1, 3]}), np.arange(3.0) + 1e-12]
    for (a, b), c in zip(same, other):
        assert function_fingerprint(capture(a)) == function_fingerprint(capture(b)), f"equal {type(a).__name__}s differ"
        assert function_fingerprint(capture(a)) != function_fingerprint(capture(c)), f"{type(a).__name__} change unseen"
