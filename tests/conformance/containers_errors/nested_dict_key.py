cfg = {"db": {"host": "localhost", "port": "5432"}}
print(cfg["db"]["host"])
print(cfg["db"]["user"])
