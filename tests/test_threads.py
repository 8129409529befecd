"""Thread counts for the parallel loops: container CPU quotas are respected."""
import numba
import pytest

from course_lib._threads import _cgroup_quota, parallel_threads, run_on_threads, usable_cpus


def test_cgroup_v2_quota(tmp_path):
    (tmp_path / "cpu.max").write_text("150000 100000\n")
    assert _cgroup_quota(tmp_path) == 1.5
    assert usable_cpus(tmp_path) == 1, "a quota of 1.5 CPUs runs one thread at full speed"
    (tmp_path / "cpu.max").write_text("max 100000\n")
    assert _cgroup_quota(tmp_path) is None


def test_cgroup_v1_quota_and_no_cgroup(tmp_path):
    (tmp_path / "cpu").mkdir()
    (tmp_path / "cpu" / "cpu.cfs_quota_us").write_text("50000\n")
    (tmp_path / "cpu" / "cpu.cfs_period_us").write_text("100000\n")
    assert _cgroup_quota(tmp_path) == 0.5
    assert usable_cpus(tmp_path) == 1, "never fewer than one"
    (tmp_path / "cpu" / "cpu.cfs_quota_us").write_text("-1\n")
    assert _cgroup_quota(tmp_path) is None
    assert _cgroup_quota(tmp_path / "missing") is None


def test_parallel_threads_caps_and_restores():
    before = numba.get_num_threads()
    with parallel_threads(1) as used:
        assert used == 1 and numba.get_num_threads() == 1
    assert numba.get_num_threads() == before, "numba's thread count is restored"
    with parallel_threads() as used:
        assert 1 <= used <= min(before, usable_cpus())


def test_run_on_threads_runs_every_share_and_raises_what_a_share_raises():
    seen = []
    run_on_threads(seen.append, 4)
    assert sorted(seen) == [0, 1, 2, 3], "each share once"

    def fails_on_two(t):
        if t == 2:
            raise ValueError("share 2 failed")

    with pytest.raises(ValueError, match="share 2"):
        run_on_threads(fails_on_two, 3)
