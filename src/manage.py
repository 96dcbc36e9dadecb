#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plein.conf.dev")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as error:
        # plein.conf.production without its required settings: the lines that say what is
        # missing, not a traceback around them (bin/docker-start.sh stops with them).
        if not str(error).startswith("Plein cannot start"):
            raise
        sys.stderr.write(f"{error}\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
