"""positive [LG003, LG006]: a multi-task BERT loop samples a task per step; the paraphrase head's output goes through .sigmoid() into F.binary_cross_entropy_with_logits, and each task's running total adds the loss tensor itself."""

# Source: cyingliu/CS224n-Efficient-MT-BERT@d8e59d4f8d multitask_classifier.py (MultitaskBERT.predict_paraphrase,
# train_multitask); re-typed, identifiers renamed; the PCGrad branch, the pooling options, the evaluation and the
# checkpointing cut
# Mutation: `logits.sigmoid().squeeze(-1)` (was `logits.squeeze(-1)`) and `train_loss[task_id] += loss` (was
# `loss.item()`), two mutations of the probe joined in one unit
import torch
import torch.nn as nn
import torch.nn.functional as F


class MultitaskEncoder(nn.Module):
    def __init__(self, bert, hidden=768, n_sentiment=5):
        super().__init__()
        self.bert = bert
        self.dropout = nn.Dropout(0.1)
        self.sentiment_classifier = nn.Linear(hidden, n_sentiment)
        self.paraphrase_classifier = nn.Linear(2 * hidden, 1)
        self.similarity_classifier = nn.Linear(2 * hidden, 1)

    def forward(self, input_ids, attention_mask):
        return self.bert(input_ids, attention_mask)["pooler_output"]

    def predict_sentiment(self, ids, mask):
        return self.sentiment_classifier(self.dropout(self.forward(ids, mask)))

    def predict_paraphrase(self, ids1, mask1, ids2, mask2):
        pair = torch.cat([self.forward(ids1, mask1), self.forward(ids2, mask2)], dim=-1)
        return self.paraphrase_classifier(self.dropout(pair))

    def predict_similarity(self, ids1, mask1, ids2, mask2):
        pair = torch.cat([self.forward(ids1, mask1), self.forward(ids2, mask2)], dim=-1)
        return self.similarity_classifier(self.dropout(pair))


def train_multitask(model, loaders, optimizer, args, device):
    loss_weight = [1.0, 1.0, 1.0]
    for epoch in range(args.epochs):
        model.train()
        train_loss = [0, 0, 0]
        num_batches = [0, 0, 0]
        for step in range(1, args.steps_per_epoch + 1):
            task_id = step % 3
            batch = next(loaders[task_id])
            if task_id == 0:
                ids, mask, labels = batch["token_ids"].to(device), batch["attention_mask"].to(device), batch["labels"].to(device)
                logits = model.predict_sentiment(ids, mask)
                loss = F.cross_entropy(logits, labels.view(-1), reduction="sum") / args.batch_size
            elif task_id == 1:
                ids1, mask1 = batch["token_ids_1"].to(device), batch["attention_mask_1"].to(device)
                ids2, mask2 = batch["token_ids_2"].to(device), batch["attention_mask_2"].to(device)
                labels = batch["labels"].to(device)
                logits = model.predict_paraphrase(ids1, mask1, ids2, mask2)
                loss = F.binary_cross_entropy_with_logits(logits.sigmoid().squeeze(-1), labels.float(), reduction="sum") / args.batch_size  # expect: LG003
            else:
                ids1, mask1 = batch["token_ids_1"].to(device), batch["attention_mask_1"].to(device)
                ids2, mask2 = batch["token_ids_2"].to(device), batch["attention_mask_2"].to(device)
                labels = batch["labels"].to(device)
                logits = model.predict_similarity(ids1, mask1, ids2, mask2)
                loss = F.mse_loss(logits.squeeze(-1), labels.float(), reduction="sum") / args.batch_size
            loss = loss_weight[task_id] * loss
            loss /= args.gradient_accumulation_step
            loss.backward()
            train_loss[task_id] += loss  # expect: LG006
            num_batches[task_id] += 1
            if step % args.gradient_accumulation_step == 0:
                optimizer.step()
                optimizer.zero_grad()
        for task_id in range(3):
            print(epoch, task_id, train_loss[task_id] / max(num_batches[task_id], 1))
