"""look-alike [LG003, LG016]: three lines an issue quotes: a sigmoid of the noisy branch into `criterion_bce`, whose class the lines never show."""

# Source: https://github.com/OsciiArt/Freesound-Audio-Tagging-2019/issues/1 ("Is there a reason why you use sigmoid only
# for the output of noisy when the criterion is already BCEwithLogits?"): the reporter quotes lines 146-148 of
# train_model1. Re-typed as quoted. The criterion's class is said in the question's prose, not in the code: from the
# lines alone `criterion_bce` and `sigmoid` are unknown names, so the checker has nothing to go on.
bce = criterion_bce(output, target)
output_noisy = model.noisy(input_noisy)
bce_noisy = criterion_bce(sigmoid(output_noisy), target_noisy)
