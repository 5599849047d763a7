"""The query layer: pure functions from served datasets to the frames a view needs."""
