#!/usr/bin/env python
"""Django's command-line entry point for VanPhong."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vanphong.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings._setup()  # reads the environment: a bad value is one line, not a traceback
    except ImproperlyConfigured as exc:
        sys.exit(f"VanPhong: {exc}")

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
