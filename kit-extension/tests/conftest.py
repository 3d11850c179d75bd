"""Fixtures for the Kit extension tests (helpers in kit_helpers.py): real modules
compiled once per session, and a fresh stand-in Kit app per test."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Dict

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kit_helpers import FIXTURES, compile_py  # noqa: E402  (puts the stand-ins on sys.path)
import kit_standin  # noqa: E402


@pytest.fixture(scope="session")
def motion(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Dict[str, Any]]:
    return compile_py(FIXTURES / "motion.py", tmp_path_factory.mktemp("motion"))


@pytest.fixture(scope="session")
def motion_v2(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Dict[str, Any]]:
    return compile_py(FIXTURES / "v2" / "motion.py", tmp_path_factory.mktemp("motion_v2"))


@pytest.fixture
def kit():
    """A fresh stand-in Kit 110 app; tests may call kit_standin.reset() for another version."""
    state = kit_standin.reset("110.1.2")
    yield state
    kit_standin.reset("110.1.2")
