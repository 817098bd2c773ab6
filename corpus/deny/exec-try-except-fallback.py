# expect: strict=deny standard=deny audit=allow
def run_snippet(snippet):
    try:
        exec(snippet)
    except Exception as err:
        print("snippet failed:", err)


run_snippet("import shutil; shutil.rmtree('/tmp/x')")
