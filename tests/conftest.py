import os

import pytest
from hypothesis import HealthCheck, settings

# Property tests call compiled code whose first call compiles; keep deadlines off so a
# cold numba cache does not fail a correct test.
settings.register_profile("course", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("course")


@pytest.fixture
def repo_root():
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
