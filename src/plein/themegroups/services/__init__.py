from .enrolments import *  # noqa: F403
