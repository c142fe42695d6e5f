"""Build step: ship the top-level data folders inside the wheel.

The metadata lives in pyproject.toml. The design card keeps ``resources/``,
``codebooks/`` and ``sample_transcripts/`` at the top of the repository; setuptools only
packages what sits inside ``qualcode/``, so ``build_py`` copies those folders to
``qualcode/_bundled/`` in the build tree (see ``qualcode/bundled.py``). Editable installs
read them from the checkout instead.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
BUNDLED = ("resources", "codebooks", "sample_transcripts")


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "qualcode" / "_bundled"
        for name in BUNDLED:
            source = ROOT / name
            if not source.is_dir():
                raise SystemExit(f"setup.py: {name}/ is missing; build from a full checkout")
            shutil.copytree(
                source,
                target / name,
                ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"),
                dirs_exist_ok=True,
            )


setup(cmdclass={"build_py": BuildPyWithData})
