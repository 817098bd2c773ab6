# expect: strict=deny standard=deny audit=allow
print("Enter a Python list of numbers:")
numbers = eval(input())
print(sum(numbers) / len(numbers))
