# expect: strict=allow standard=allow audit=allow
# -*- coding: latin-1 -*-
"""Legacy module saved in ISO-8859-1."""

MENU = ["café", "crème brûlée", "jalapeño"]


def show() -> None:
    for item in MENU:
        print(f"- {item} ({len(item)} chars)")


show()
