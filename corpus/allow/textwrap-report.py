# expect: strict=allow standard=allow audit=allow
import textwrap

summary = (
    "The quarterly results exceeded expectations across all regions, "
    "with the strongest growth in the southern division driven by new "
    "product launches and improved retention."
)

print("Summary:")
print(textwrap.indent(textwrap.fill(summary, width=50), "    "))
print(textwrap.shorten(summary, width=60, placeholder=" [...]"))
print(textwrap.dedent("""
    Indented block
      keeps relative indentation
"""))
