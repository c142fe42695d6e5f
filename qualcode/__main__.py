from qualcode.cli import run

run()
