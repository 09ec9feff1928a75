"""part of positive project [LG004]: the trainer moves the integer per-gene labels to a device chosen by a test and scores them with the BCELoss wrapper, under a progress bar around a count."""

# Source: HUST-NingKang-Lab/BGC-Prophet@e524ff543b bgc_prophet/train/trainer.py (TransformerEncoderTrainer.train_TD_step, re-typed; logging and the test pass cut)
import torch
from torch.utils.data import DataLoader
from tqdm import tqdm

from data import GeneLabelsDataset
from loss import GeneLoss


class GeneTrainer:
    def __init__(self, data, embeddings, model, loss, batch_size) -> None:
        self.train_dataset = GeneLabelsDataset(data, embeddings, mode="train")
        self.train_loader = DataLoader(dataset=self.train_dataset, batch_size=batch_size, shuffle=True, num_workers=5)
        self.model = model
        self.loss = loss
        self.device = "cuda" if torch.cuda.is_available() else "cpu"
        self.model.to(self.device)
        self.optimizer = torch.optim.AdamW(self.model.parameters(), lr=1e-4)

    def train_step(self, epoch):
        self.model.train()
        total = 0.0
        for i, batch in tqdm(enumerate(self.train_loader), desc="Train", leave=True):
            sentence, labels, gene_labels = batch[0], batch[1], batch[2]
            sentence = sentence.to(self.device)
            gene_labels = gene_labels.to(self.device)
            self.optimizer.zero_grad()
            outputs = self.model(sentence)
            step_loss = self.loss(outputs, gene_labels)  # expect: LG004
            total += step_loss.item()
            step_loss.backward()
            self.optimizer.step()
        return total / len(self.train_loader)


def main(data, embeddings, model, epochs):
    trainer = GeneTrainer(data, embeddings, model, GeneLoss(), batch_size=64)
    for epoch in range(epochs):
        print(epoch, trainer.train_step(epoch))
