"""positive [LG001]: a user adds F.softmax over the LeNet output just before F.cross_entropy and reports the loss curve changes."""

# Source: thread https://github.com/thegregyang/LossUpAccUp/issues/1 (the reporter's posted two-line change to the
# repository's LeNet notebook; re-typed, renamed, the loop around it cut to what the post shows). The thread's replies
# point out that F.cross_entropy already applies log_softmax to its input: the added softmax is the bug.
import torch.nn.functional as F

for xb, yb in loader:
    opt.zero_grad()
    scores = net(xb)
    scores = F.softmax(scores, dim=-1)
    ce = F.cross_entropy(scores, yb)  # expect: LG001
    ce.backward()
    opt.step()
