"""positive [LG011]: the one line an issue quotes from a warning: F.softmax of a density-class score with no dim, nothing imported."""

# Source: https://github.com/svishwa/crowdcount-cascaded-mtl/issues/22 ("Softmax runtime warning"): the reporter gets
# "Implicit dimension choice for softmax has been deprecated" and quotes "the original code line"; they ask whether dim
# should be 0 or 1. Re-typed as posted: one statement, `F` and the score bound nowhere in the post.
density_cls_prob = F.softmax(density_cls_score)  # expect: LG011
