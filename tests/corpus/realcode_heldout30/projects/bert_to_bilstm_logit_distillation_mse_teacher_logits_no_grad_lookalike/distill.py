"""part of look-alike project [LG001, LG006, LG008, LG013, LG017]: the entry script: loads the data, trains the BERT teacher if configured, then distils it into the BiLSTM student."""
# Source: HoyTta0/KnowledgeDistillation at c84a33d5, distill.py; re-typed, identifiers renamed; config.py and utils.py not reproduced.
from utils import set_seed, get_dataset, get_loader
from config import Config
from student import student_train
from teacher import teacher_train
from models.bert import BertTeacher
from models.biLSTM import BiLSTMStudent

if __name__ == '__main__':
    set_seed(1)
    cfg = Config()
    train_text, train_label = get_dataset(cfg.train_path)
    test_text, test_label = get_dataset(cfg.test_path)
    train_loader = get_loader(train_text, train_label, cfg.tokenizer)
    test_loader = get_loader(test_text, test_label, cfg.tokenizer)
    T_model = BertTeacher(cfg).to(cfg.device)
    if cfg.train_teacher:
        teacher_train(T_model, cfg, train_loader, test_loader)
    if cfg.train_student:
        S_model = BiLSTMStudent(cfg).to(cfg.device)
        student_train(T_model, S_model, cfg, train_loader, test_loader)
