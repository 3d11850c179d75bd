# refused: PTL2007 2:1
exec("print(1)")
