from setuptools import find_packages, setup

# ruleid: setup-dependencies
setup(
    name="scrapekit",
    version="1.3.0",
    packages=find_packages(),
    install_requires=[
        # ruleid: typosquat-package
        "reqeusts>=2.28",
        "lxml>=4.9",
    ],
)

# a package without dependencies
# ok: setup-dependencies
setup(name="tiny", version="0.1", py_modules=["tiny"])
