"""look-alike [LG002, LG003]: a report on BCELoss's target check calls BCELoss on a literal probability (.5) and BCEWithLogitsLoss on the same literal as a logit; both inputs are what each loss expects."""
# Source: https://github.com/pytorch/pytorch/issues/123339 (the description's IPython session; the "In [n]:" prompts and the printed traceback and output removed to make it parse, the two calls unchanged; the post has no import line)
torch.nn.BCELoss()(torch.FloatTensor([.5]),torch.FloatTensor([2]))

torch.nn.BCEWithLogitsLoss()(torch.FloatTensor([.5]),torch.FloatTensor([2]))
