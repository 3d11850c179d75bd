line = "a,b,,c"
print(line.split(","), line.split(",", 1))
sep = ""
print(line.split(sep))
