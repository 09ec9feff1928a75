"""part of positive project [LG001, LG009]: the training script builds SegFormer student and teacher and trains with the cross-entropy distillation loss."""
# Source: JakubTomaszewski/Knowledge-Distillation-in-Semantic-Segmentation at the parent of 34757f4 ("Refactor: Move logits
# resize to the loss function", which also gives the KL loss reduction="batchmean"), src/train_knowledge_distillation.py; re-typed, identifiers renamed; datasets, transformation pipelines,
# TrainingArguments and callbacks cut.
from knowledge_distillation import DistillationCrossEntropyLoss, KnowledgeDistillationTrainer
from models.segformer import create_segformer_model_for_inference, create_segformer_model_for_train

if __name__ == "__main__":
    train_config = parse_kd_train_config()
    train_dataset, eval_dataset = build_datasets(train_config)
    student_model = create_segformer_model_for_train(train_config.student_model_checkpoint, train_dataset.num_classes,
                                                     id2label=train_dataset.id2name, void_class_id=train_config.void_class_id)
    teacher_model = create_segformer_model_for_inference(train_config.teacher_model_checkpoint, train_dataset.id2name)
    loss_func = DistillationCrossEntropyLoss(train_config.temperature, train_config.alpha, ignore_index=train_config.void_class_id)
    trainer = KnowledgeDistillationTrainer(student_model, teacher_model, loss_func, args=create_training_args(train_config),
                                           train_dataset=train_dataset, eval_dataset=eval_dataset)
    trainer.train()
