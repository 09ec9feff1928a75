"""part of look-alike project [LG006, LG007]: the agent adds the loss returned by each train or eval step into its metrics dictionary."""
# Source: facebookresearch/ParlAI at 72c304fa7^ (the parent of "Agent-level Metrics upgrade", read as is),
# projects/personality_captions/transresnet/transresnet.py; re-typed, identifiers renamed; option parsing, image
# feature extraction, candidate handling and the reply formatting cut.
import random

from .modules import CaptionRanker


class CaptionAgent(object):
    def __init__(self, opt, context_encoder, text_encoder):
        self.opt = opt
        self.model = CaptionRanker(opt, context_encoder, text_encoder)
        self.metrics = {"hits@1/100": 0.0, "loss": 0.0, "num_samples": 0, "med_rank": []}

    def train_step(self, valid_obs, image_feats, personalities):
        comments = [random.choice(v["labels"]) for v in valid_obs]
        loss, num_correct, num_examples = self.model.train_batch(image_feats, personalities, comments)
        return loss, num_correct, num_examples

    def eval_step(self, valid_obs, image_feats, personalities):
        comments = [random.choice(v["eval_labels"]) for v in valid_obs]
        loss, num_correct, num_examples = self.model.eval_batch(image_feats, personalities, comments)
        return loss, num_correct, num_examples, None, None

    def batch_act(self, observations):
        is_training = any(["labels" in obs for obs in observations])
        valid_obs = [obs for obs in observations if "image" in obs]
        image_feats = self.extract_image_feats(valid_obs)
        personalities = [v.get("text", "") for v in valid_obs]

        med_rank = None
        if is_training:
            loss, num_correct, num_examples = self.train_step(valid_obs, image_feats, personalities)
        else:
            loss, num_correct, num_examples, med_rank, _ = self.eval_step(valid_obs, image_feats, personalities)

        self.update_metrics(loss, num_correct, num_examples, med_rank)
        return [{"text": "No Response During Training"} for _ in range(len(observations))]

    def update_metrics(self, loss, num_correct, num_samples, med_rank=None):
        """loss: float loss."""
        self.metrics["hits@1/100"] += num_correct
        self.metrics["loss"] += loss
        self.metrics["num_samples"] += num_samples
        if med_rank:
            self.metrics["med_rank"] += med_rank

    def extract_image_feats(self, obs):
        return [o["image"] for o in obs]
