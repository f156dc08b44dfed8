"""A web process loads its views at start-up and keeps what it loaded out of the garbage collector's walks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import gc, sys
import skills_site.wsgi
print(gc.get_freeze_count())
print("search.views" in sys.modules)
"""


def test_the_wsgi_process_has_its_views_loaded_and_its_start_up_objects_frozen():
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "skills_site.settings.test"}
    answer = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)
    assert answer.returncode == 0, answer.stderr
    frozen, views_loaded = answer.stdout.split()
    # The first request finds the views imported; a full collection no longer walks the ~240,000 start-up objects.
    assert views_loaded == "True"
    assert int(frozen) > 100_000
