"""Engines that run the stages: the embedded one (replyscope.pipeline, the default: worker
processes on one machine, no Java) and Spark (engine.spark, the optional `spark` extra)."""
