"""Clustering, its own stage: kmeans.py groups comments on the joined semantic + stance +
rhetoric view and lays them out in 2-D; describe.py names each group; baseline.py is the
BERTopic-style baseline the groups are measured against."""

from replyscope.analyze.cluster.kmeans import (
    ClusterResult,
    choose_k,
    cluster_points,
    joint_matrix,
    k_range,
    layout_2d,
)

__all__ = ["ClusterResult", "choose_k", "cluster_points", "joint_matrix", "k_range", "layout_2d"]
