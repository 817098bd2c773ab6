# expect: strict=allow standard=allow audit=allow
import shlex

line = 'convert "my photo.jpg" --resize 50% -o out.png'
argv = shlex.split(line)
print(argv)
print(" ".join(shlex.quote(a) for a in argv))
