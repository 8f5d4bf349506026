"""Compile the translation catalogues into the package as it is built.

Only the ``.po`` sources are kept in git; the ``.mo`` files Django reads at run time are
made here, into the wheel (and, for an editable install, beside their sources).
"""

from pathlib import Path

import polib
from setuptools import setup
from setuptools.command.build_py import build_py

LOCALE = Path("wagtail_newsroom", "locale")


class BuildPyWithCatalogues(build_py):
    def run(self):
        super().run()
        for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
            target = po if self.editable_mode else Path(self.build_lib, po)
            target.parent.mkdir(parents=True, exist_ok=True)
            polib.pofile(str(po)).save_as_mofile(str(target.with_suffix(".mo")))


setup(cmdclass={"build_py": BuildPyWithCatalogues})
