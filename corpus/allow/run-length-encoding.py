# expect: strict=allow standard=allow audit=allow
from itertools import groupby


def rle_encode(s: str) -> str:
    return "".join(f"{len(list(g))}{ch}" for ch, g in groupby(s))


def rle_decode(s: str) -> str:
    out, num = [], ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num))
            num = ""
    return "".join(out)


enc = rle_encode("WWWWWWBBBWWWWWWWWWWB")
print(enc, rle_decode(enc))
