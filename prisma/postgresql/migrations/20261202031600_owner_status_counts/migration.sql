-- CreateIndex
CREATE INDEX "Property_proId_status_idx" ON "Property"("proId", "status");

-- CreateIndex
CREATE INDEX "Programme_proId_status_idx" ON "Programme"("proId", "status");

-- CreateIndex
CREATE INDEX "Vehicle_proId_status_idx" ON "Vehicle"("proId", "status");
