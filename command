half #2 ran = /tmp/pd-cli.5n9Wxi/deliver.sh2
