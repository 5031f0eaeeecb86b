'echo before; uri; echo after'
