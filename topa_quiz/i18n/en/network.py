"""Words of the network calculations' steps (neuron, forward, backprop, param-count, sigmoid-chain)."""

MESSAGES = {
    # neuron
    "network.neuron_z": "Weighted sum: each input times its weight, added up, plus the bias b.",
    "network.act.identity": "Identity activation: the output is z itself.",
    "network.act.step": "Step function: 1 if z is above the threshold θ = {threshold}, otherwise 0.",
    "network.act.sigmoid": "Sigmoid: σ(z) = 1/(1 + e^(−z)), a value between 0 and 1.",
    "network.act.tanh": "tanh: (e^z − e^(−z))/(e^z + e^(−z)), a value between −1 and 1.",
    "network.act.relu": "ReLU: z if z is positive, otherwise 0.",
    "network.act.leaky-relu": "Leaky ReLU: z if z is positive, otherwise α·z (α = {alpha}).",
    # forward
    "network.z1": "Hidden layer's weighted sums: each row of W₁ holds one hidden unit's weights (torch.nn.Linear's layout).",
    "network.h": "Hidden layer's output: the hidden activation applied to each value of z₁.",
    "network.z2": "Output layer's weighted sums: the hidden output h is the output layer's input.",
    "network.yhat": "Prediction: the output activation applied to z₂.",
    "network.softmax": "softmax: each e^(z₂ᵢ) divided by their sum; the probabilities add up to 1.",
    "network.softmax_shifted": "softmax: the largest z₂ was subtracted before exponentiating so that e^z cannot overflow; the result is the same.",
    "network.softmax_rows": "softmax: in each sample (row), each e^(z₂ᵢ) divided by the row's sum.",
    # backprop
    "network.loss_mse": "MSE: the squared errors averaged over all {n} output values (PyTorch's mean).",
    "network.loss_bce": "BCE: natural log (ln), averaged over all {n} output values (PyTorch's mean).",
    "network.loss_cce": "CCE: natural log (ln), averaged over the {n} samples; only the true class's ln ŷ remains.",
    "network.delta2_bce": "Output error δ₂ = ∂L/∂z₂: differentiating BCE and the sigmoid together cancels σ′, leaving (ŷ − y)/{n}.",
    "network.delta2_cce": "Output error δ₂ = ∂L/∂z₂: differentiating CCE and softmax together leaves (ŷ − y) divided by the {n} samples.",
    "network.delta2_mse": "Output error δ₂ = ∂L/∂z₂: with an identity output it is MSE's derivative 2(ŷ − y)/{n} itself.",
    "network.dl_dyhat": "MSE differentiated by ŷ: 2(ŷ − y)/{n}.",
    "network.delta2_sigmoid": "Output error δ₂: by the chain rule, times the sigmoid's derivative ŷ(1 − ŷ), element by element.",
    "network.delta2_softmax": "Output error δ₂: softmax's outputs depend on each other, so its Jacobian is applied: ŷᵢ(gᵢ − Σₖ ŷₖgₖ).",
    "network.grad_w": "Gradient of layer {layer}'s weights: each weight's gradient is its unit's error δ times the input it multiplies (summed over a batch's samples).",
    "network.grad_b": "Gradient of layer {layer}'s biases: a bias is multiplied by 1, so its gradient is the error δ itself (summed over a batch's samples).",
    "network.dl_dh": "The error carried back through W₂ to the hidden layer: for each hidden unit, the sum of its weights times δ₂.",
    "network.slope.identity": "The identity's derivative is 1.",
    "network.slope.sigmoid": "The sigmoid's derivative: σ′(z) = σ(z)(1 − σ(z)) = h(1 − h), at most 0.25.",
    "network.slope.tanh": "tanh's derivative: 1 − tanh²(z) = 1 − h², at most 1.",
    "network.slope.relu": "ReLU's derivative: 1 if z > 0, otherwise 0 (PyTorch takes 0 at z = 0).",
    "network.slope.leaky-relu": "Leaky ReLU's derivative: 1 if z > 0, otherwise 0.01 (PyTorch takes 0.01 at z = 0).",
    "network.delta1": "Hidden error δ₁: the error carried back, times the hidden activation's derivative, element by element.",
    # param-count
    "network.layer_params": "Layer {i}: {n} inputs → {m} units, so {n}·{m} weights and {m} biases.",
    "network.layer_params_no_bias": "Layer {i}: {n} inputs → {m} units, so {n}·{m} weights and no biases.",
    "network.params_total": "A network's parameter count is the sum over its layers.",
    # sigmoid-chain
    "network.chain_factor": "Local derivative of sigmoid layer {i}: σ′(z) = σ(z)(1 − σ(z)).",
    "network.chain_factor_all": "All {n} layers have the same z, so their local derivatives σ′(z) are the same.",
    "network.chain_product": "Chain rule: the gradient reaching the first layer is the product of the {n} layers' local derivatives (weights 1 between layers).",
    "network.chain_bound": "σ′ is at most 0.25, so the gradient shrinks at least 4× per layer: at most 0.25^{n} after {n} layers. This is the vanishing gradient.",
}
