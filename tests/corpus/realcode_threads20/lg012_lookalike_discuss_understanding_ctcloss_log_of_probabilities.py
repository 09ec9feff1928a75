"""look-alike [LG012]: a forum post builds CTC inputs as torch.log of hand-written probabilities, moves them to (T, N, C) and gets an infinite loss for one sample; the input is log-probabilities, the inf comes from a target too long for four frames."""

# Source: discuss.pytorch.org thread "Understanding CTCLoss" (nlp category, November 2023; the thread text as stored
# in the nvidia/Nemotron-CC-Math-v1 pages; the posted minimal example, re-typed and renamed). The answer (tom): an
# infinite loss means the input cannot produce the target; 1-blank-1-blank-1 needs T >= 5. The user confirmed.
import torch

eps = 1e-7
targets = torch.LongTensor([[1, 2, 1], [1, 1, 1]])
probs = torch.Tensor(
    [
        [[eps, 1 - 2 * eps, eps], [eps, eps, 1 - 2 * eps], [eps, 1 - 2 * eps, eps], [1 - 2 * eps, eps, eps]],
        [[eps, 1 - 2 * eps, eps], [eps, 1 - 2 * eps, eps], [eps, 1 - 2 * eps, eps], [1 - 2 * eps, eps, eps]],
    ]
)
log_probs = torch.log(probs)
log_probs = torch.transpose(log_probs, 0, 1)

input_lengths = torch.LongTensor([4, 4])
target_lengths = torch.LongTensor([3, 3])

ctc = torch.nn.CTCLoss(blank=0, reduction="none")
ctc(log_probs, targets, input_lengths, target_lengths)
