echo "hello from the example"
