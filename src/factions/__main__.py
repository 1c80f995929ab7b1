from factions.cli import main

main()
