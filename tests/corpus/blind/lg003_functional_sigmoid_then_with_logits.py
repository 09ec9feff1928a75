"""positive [LG003]: multi-label tagger applies .sigmoid() to the Linear logits and then calls F.binary_cross_entropy_with_logits on the probabilities."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class TagHead(nn.Module):
    def __init__(self, dim=768, n_tags=90):
        super().__init__()
        self.proj = nn.Linear(dim, n_tags)

    def forward(self, pooled):
        return self.proj(pooled)


def training_loop(encoder, head, loader, epochs=4, lr=3e-5, device="cuda"):
    params = list(encoder.parameters()) + list(head.parameters())
    opt = torch.optim.AdamW(params, lr=lr)
    for ep in range(epochs):
        encoder.train()
        head.train()
        running = 0.0
        for step, (ids, mask, tags) in enumerate(loader):
            ids, mask, tags = ids.to(device), mask.to(device), tags.to(device).float()
            pooled = encoder(input_ids=ids, attention_mask=mask).pooler_output
            scores = head(pooled).sigmoid()
            loss = F.binary_cross_entropy_with_logits(
                scores,  # expect: LG003
                tags,
                reduction="mean",
            )
            opt.zero_grad()
            loss.backward()
            opt.step()
            running += loss.item()
            if step % 100 == 0:
                micro_f1_hits = ((scores > 0.5) & (tags > 0.5)).sum().item()
                print(ep, step, running / (step + 1), micro_f1_hits)
    return head


if __name__ == "__main__":
    h = TagHead()
    print(h(torch.randn(2, 768)).shape)
