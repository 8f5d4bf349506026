"""The wheel a site installs: every file of the app (templates, static files, lexicons, the
pronoun weights, migrations, catalogues) and the licence."""

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_the_wheel_holds_the_whole_app_and_its_licence(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "-q", "-w", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("wagtail_newsroom-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    tracked = subprocess.run(
        ["git", "ls-files", "wagtail_newsroom"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert tracked and sorted(set(tracked) - names) == []
    (licence,) = [name for name in names if name.endswith("dist-info/licenses/LICENSE")]
    assert "BSD 3-Clause" in zipfile.ZipFile(wheel).read(licence).decode()
    assert not [name for name in names if name.startswith(("tests/", "example_site/"))]
