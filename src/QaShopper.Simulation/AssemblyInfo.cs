namespace QaShopper.Simulation;
