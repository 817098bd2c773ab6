# expect: strict=deny standard=deny audit=allow
"""Collect line coverage for a quick self-check."""
import trace

tracer = trace.Trace(count=1, trace=0)
tracer.runctx("import os; os.system('id')", {}, {})
