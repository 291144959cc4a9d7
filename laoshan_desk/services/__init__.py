"""One function per thing a clerk does: check the user may, open a unit of work, call the
domain, write, audit, commit. The only layer that opens database sessions.
"""
