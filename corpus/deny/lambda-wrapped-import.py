# expect: strict=deny standard=deny audit=allow
# The module is fetched inside a lambda, so no name in the program is bound
# to os; calling the lambda hands it over.
load = lambda: __import__("o" "s")
load().popen("id").read()
