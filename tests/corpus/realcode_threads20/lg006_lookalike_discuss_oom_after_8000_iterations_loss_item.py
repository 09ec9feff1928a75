"""look-alike [LG006]: a user whose run goes out of CUDA memory after thousands of iterations posts the two lines they suspect; the loss is summed with .item(), which keeps no graph."""

# Source: thread https://discuss.pytorch.org/t/cuda-out-of-memory-after-more-than-8000-iterators/27253 (the two posted
# lines, re-typed and renamed; the loop around them and the model are not in the post). The only reply asks for the
# training code: the lines posted are not the cause.
import torch

for step, (head, target) in enumerate(batches):
    head = torch.from_numpy(head).to(device)
    loss = trainer.step(head, target)
    loss_sum += loss.item()
