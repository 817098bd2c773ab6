# expect: strict=allow standard=allow audit=allow
import io

stream = io.BytesIO(b"abcdefghijklmnopqrstuvwxyz")
chunks = []
while (chunk := stream.read(8)):
    chunks.append(chunk)
print(chunks)

values = [4, 9, 16, 25, 7]
if (n := len(values)) > 3:
    print(f"{n} values, roots:", [r for v in values if (r := v ** 0.5).is_integer()])
