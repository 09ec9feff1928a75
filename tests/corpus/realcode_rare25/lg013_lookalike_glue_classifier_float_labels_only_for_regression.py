"""look-alike [LG013, LG014]: a BERT distillation repository's GLUE fine-tuning script builds the label tensor as int64 for classification and as float only for regression, and picks `CrossEntropyLoss` or `MSELoss` on the same `output_mode` test; the optimizer steps and clears every `gradient_accumulation_steps` batches."""

# Source: intersun/PKD-for-BERT-Model-Compression@9e9e860 BERT/examples/run_classifier.py (re-typed, renamed, cut to the label tensor and the training loop; the fp16 branch is left out)
import torch
from torch.nn import CrossEntropyLoss, MSELoss
from torch.utils.data import DataLoader, RandomSampler, TensorDataset
from tqdm import tqdm, trange


def fine_tune(model, optimizer, features, output_mode, num_labels, args, device):
    input_ids = torch.tensor([f.input_ids for f in features], dtype=torch.long)
    input_mask = torch.tensor([f.input_mask for f in features], dtype=torch.long)
    segment_ids = torch.tensor([f.segment_ids for f in features], dtype=torch.long)
    if output_mode == "classification":
        label_ids = torch.tensor([f.label_id for f in features], dtype=torch.long)
    elif output_mode == "regression":
        label_ids = torch.tensor([f.label_id for f in features], dtype=torch.float)

    data = TensorDataset(input_ids, input_mask, segment_ids, label_ids)
    loader = DataLoader(data, sampler=RandomSampler(data), batch_size=args.train_batch_size)

    model.train()
    for _ in trange(int(args.num_train_epochs), desc="Epoch"):
        tr_loss = 0
        for step, batch in enumerate(tqdm(loader, desc="Iteration")):
            batch = tuple(t.to(device) for t in batch)
            ids, mask, segs, labels = batch
            logits = model(ids, segs, mask, labels=None)

            if output_mode == "classification":
                loss_fct = CrossEntropyLoss()
                loss = loss_fct(logits.view(-1, num_labels), labels.view(-1))
            elif output_mode == "regression":
                loss_fct = MSELoss()
                loss = loss_fct(logits.view(-1), labels.view(-1))

            if args.gradient_accumulation_steps > 1:
                loss = loss / args.gradient_accumulation_steps
            loss.backward()
            tr_loss += loss.item()
            if (step + 1) % args.gradient_accumulation_steps == 0:
                optimizer.step()
                optimizer.zero_grad()
    return tr_loss
