"""Sweeps: one grid runner for the phase diagrams and the course website's grids.

:func:`run_grid` calls a function on every cell of a parameter grid and returns a
:class:`GridResult` (a table with ``to_frame()``, an array shaped like the grid with
``array(key)``). Three things come with it:

- **a disk cache** keyed by the function, its code, the cell's parameters and the seed,
  one small JSON file per cell, so a rerun, or a finer grid that shares cells, reads
  what was already computed (:mod:`course_lib.sweeps.cache`);
- **parallel cells**: joblib over the local cores by default, or a Dask cluster when
  given a ``dask.distributed`` client or a scheduler address
  (:mod:`course_lib.sweeps.backends`);
- **reproducible randomness**: each cell draws from a stream spawned from the sweep's
  seed and the cell's own parameters, so its result is the same whatever ran it, in
  whatever order, next to whatever other cells (:mod:`course_lib.sweeps.grid`).

A progress bar (tqdm.auto) appears on sweeps still running after two seconds.

Examples
--------
>>> from course_lib.sweeps import run_grid
>>> def line(slope, x):
...     return slope * x
>>> sweep = run_grid(line, {"slope": [1, 2], "x": [0, 1, 2]}, cache=False, n_jobs=1)
>>> sweep.array()
array([[0, 1, 2],
       [0, 2, 4]])
>>> sweep.to_frame()
   slope  x  value
0      1  0      0
1      1  1      1
2      1  2      2
3      2  0      0
4      2  1      2
5      2  2      4
"""
from .cache import default_cache_dir
from .grid import GridResult, cell_seed_sequence
from .runner import run_grid

__all__ = ["run_grid", "GridResult", "cell_seed_sequence", "default_cache_dir"]
