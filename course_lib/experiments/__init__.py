"""Pure computation behind the lessons: the tables that feed :mod:`course_lib.viz`
and :mod:`course_lib.explore`.

- :mod:`course_lib.experiments.cascades` -- lesson 02 (threshold cascades)
- :mod:`course_lib.experiments.influence` -- lessons 01 (consumer networks and
  influentials) and 03 (seeding a word-of-mouth campaign); a package whose submodules
  ``networks`` and ``spreaders`` serve lesson 01, ``seeding`` and ``contagion`` lesson 03
- :mod:`course_lib.experiments.opinions` -- lessons 04 to 06 (opinions, push-back,
  expressed versus private opinions); a package whose submodule ``empowerment`` serves
  lesson 04, ``resistance`` and ``disorder`` lesson 05, ``expression`` lesson 06
- :mod:`course_lib.experiments.diffusion` -- lesson 07 (the consumer continuum, Bass
  diffusion on networks, funnel and loop, ex-customers)
- :mod:`course_lib.experiments.budgets` -- lesson 08 (budgets between influencing and
  empowering, community ROI)
- :mod:`course_lib.experiments.platforms` -- lesson 09 (voice, exit and mobilization on
  a company's platform)
- :mod:`course_lib.experiments.capstone` -- lesson 10 (a strategy's scoreboard against the
  baselines, one play, where it wins and loses)

Nothing here imports widgets or charts (ipywidgets, anywidget, altair,
:mod:`course_lib.viz`, :mod:`course_lib.explore`), so the tables run in a plain
Python process. Submodules are imported on demand::

    from course_lib.experiments import influence as lab
"""
