-c test:///default 'desc test --title --live --config "a
b"'
