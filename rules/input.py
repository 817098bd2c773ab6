# Tests for rules/input.yaml. A "# ruleid: X" line means the next line must
# produce rule X; "# ok: X" means it must not.
# Only bidi, invisible and confusable can be shown in a file that must also
# parse: parse-error, encoding, invalid-utf8, nul and binary describe files
# that are broken as a whole, and have no test lines here.
access_level = "user"

# ruleid: input-bidi
if access_level != "user‮ ⁦# Check if admin⁩ ⁦":
    pass

# ruleid: input-bidi
label = "abc‮def"

# ruleid: input-invisible
# a comment hiding a zero​width space

# ok: input-invisible
joined = "zero​width inside a string literal is allowed"

# ruleid: input-confusable
ｖａｌｕｅ = 1

# ok: input-confusable
café = 2
