from editree.cli.app import entry

entry()
