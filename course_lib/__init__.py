"""course_lib: runnable models for a course on social influence and consumer empowerment.

Submodules (imported on demand, so ``import course_lib`` stays light):

- :mod:`course_lib.networks` -- consumer networks and their compiled array form
- :mod:`course_lib.centrality` -- who is central: centrality tables, top-k overlap
- :mod:`course_lib.sampling` -- node samples, connectivity, snowball degree bias
- :mod:`course_lib.cascades` -- threshold cascades (Granovetter 1978, Watts 2002),
  independent cascade and linear threshold (Kempe, Kleinberg & Tardos 2003)
- :mod:`course_lib.seeding` -- whom to seed: heuristics and greedy (CELF) selection
- :mod:`course_lib.opinions` -- DeGroot, Friedkin-Johnsen, expressed vs private opinions
- :mod:`course_lib.voter` -- q-voter with independence and anticonformity
- :mod:`course_lib.diffusion` -- Bass diffusion (closed form and on networks) and the
  consumer continuum from detractor to advocate
- :mod:`course_lib.budgets` -- a budget split between influence and empowerment over a
  horizon, with community ROI
- :mod:`course_lib.platforms` -- voice, exit and mobilization when a platform
  suppresses complaints (Kleemann 2014, Hirschman 1970)
- :mod:`course_lib.capstone` -- a market built from the models above, strategies played
  in it and scored on held-out seeds against baselines
- :mod:`course_lib.sweeps` -- one grid runner with a disk cache and parallel cells
  (joblib or Dask) for phase diagrams and the website's grids
- :mod:`course_lib.viz` -- offline altair charts and the course theme
- :mod:`course_lib.experiments` -- the lessons' tables: pure computation, no widgets
- :mod:`course_lib.explore` -- ipywidgets explorers used by the lessons
- :mod:`course_lib.grading` -- checks that compare student code with the library

Conventions: every stochastic function takes ``seed`` (None, an int or a
``numpy.random.Generator``) as a keyword-only argument, ``f(G, k, *, seed=None)``; the
same seed gives the same result. Passing it by position still works until release 0.2,
with a ``course_lib._deprecation.PositionalSeedWarning``.
"""

__version__ = "0.1.0"
